import { jsx as _jsx } from "react/jsx-runtime";
import { ProblemBanner } from '../components/ErrorSummary';
import { Page } from '../components/Page';
/** What every page about a family shows when the family cannot be loaded. */
export function FamilyNotFound({ error }) {
    return (_jsx(Page, { title: error.code === 'FORBIDDEN' ? 'This record is restricted' : 'Family not found', children: _jsx(ProblemBanner, { title: "This family cannot be shown", message: error.message }) }));
}
