export declare function RegisterPage(): import("react").JSX.Element;
