/** The family's chronology, newest first, in the MoJ timeline pattern; it prints as it reads. */
export declare function ChronologyPage({ id, notice }: {
    id: string;
    notice?: string;
}): import("react").JSX.Element;
