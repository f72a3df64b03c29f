export declare function SignInPage({ hubName }: {
    hubName: string;
}): import("react").JSX.Element;
