import { type ReactNode } from 'react';
/** One screen: sets the window title and moves focus to the heading when the screen opens. */
export declare function Page({ title, caption, children, focusHeading }: {
    title: string;
    caption?: string;
    children: ReactNode;
    focusHeading?: boolean;
}): import("react").JSX.Element;
export declare function Loading(): import("react").JSX.Element;
