/** Consent is its own step: what was agreed, by whom, how and when. */
export declare function ConsentPage({ id }: {
    id: string;
}): import("react").JSX.Element;
