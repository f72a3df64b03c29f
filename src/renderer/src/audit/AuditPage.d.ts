/** Managers: who looked at or changed what, and whether the trail is intact. */
export declare function AuditPage({ familyReference, personId }: {
    familyReference?: string;
    personId?: string;
}): import("react").JSX.Element;
