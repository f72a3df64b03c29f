export declare function EditFamilyPage({ id }: {
    id: string;
}): import("react").JSX.Element;
