import type { CasebookApi } from '../shared/contract'

declare global {
  interface Window {
    casebook: CasebookApi
  }
}
export {}
