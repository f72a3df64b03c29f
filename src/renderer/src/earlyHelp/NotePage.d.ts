/** A case note, saved as a draft while it is typed so that nothing is lost. */
export declare function NotePage({ id }: {
    id: string;
}): import("react").JSX.Element;
