/**
 * A family's name as familyName() makes it ("Okafor family (RV-000001)") in a narrow table cell: the
 * words may wrap, the reference in brackets does not (a break after "RV-" would hide the number).
 */
export function FamilyNameText({ name }: { name: string }) {
  const open = name.lastIndexOf(' (')
  if (open === -1 || !name.endsWith(')')) return <>{name}</>
  return (
    <>
      {name.slice(0, open)} <span className="app-nowrap">{name.slice(open + 1)}</span>
    </>
  )
}
