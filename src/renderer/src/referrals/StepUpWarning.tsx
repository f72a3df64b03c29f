// The safeguarding warning every step-up form shows first: a referral is not how a child in danger
// now is kept safe.
export function StepUpWarning() {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        If a child is in immediate danger, call the police on 999 now. If you are worried a child is at risk of harm, phone the local authority’s children’s
        services front door today, then record the step-up here: do not wait for this referral to be read.
      </strong>
    </div>
  )
}
