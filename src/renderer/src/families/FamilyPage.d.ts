export declare function FamilyPage({ id, notice, canAudit, canEarlyHelp, canManageEpisodes }: {
    id: string;
    notice?: string;
    canAudit: boolean;
    canEarlyHelp: boolean;
    canManageEpisodes: boolean;
}): import("react").JSX.Element;
