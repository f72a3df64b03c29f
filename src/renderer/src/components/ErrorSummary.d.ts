import { type ErrorItem } from './formErrors';
/** The GOV.UK error summary: focused when it appears, each message a link to its field. */
export declare function ErrorSummary({ items, title, focusKey }: {
    items: ErrorItem[];
    title?: string;
    focusKey: number;
}): import("react").JSX.Element | null;
/** A message from the core that belongs to no one field (a conflict, a database problem). */
export declare function ProblemBanner({ title, message }: {
    title: string;
    message: string;
}): import("react").JSX.Element;
export declare function SuccessBanner({ title, children }: {
    title: string;
    children?: React.ReactNode;
}): import("react").JSX.Element;
