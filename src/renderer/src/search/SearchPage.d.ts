/** Find a family: one box, answering as the user types; arrows and Enter open a result. */
export declare function SearchPage(): import("react").JSX.Element;
