/** "My caseload" for a practitioner; "All open episodes", with reallocation, for a manager. */
export declare function CaseloadPage({ scope }: {
    scope: 'mine' | 'all';
}): import("react").JSX.Element;
