import { defineHandlers } from '../core/router'
import { searchDirectory } from './search'

export const directoryHandlers = defineHandlers({
  'directory.search': searchDirectory
})
