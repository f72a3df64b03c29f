/** A manager: restrict a family to the people named (managers can always open it), or lift it. */
export declare function AccessPage({ id }: {
    id: string;
}): import("react").JSX.Element;
