import { defineHandlers } from '../core/router'
import { directoryFeed, importDirectory } from './import/importFeed'
import { getOrganisation, getService, listOrganisations } from './records'
import { saveOrganisation, saveService } from './save'
import { searchDirectory } from './search'

export const directoryHandlers = defineHandlers({
  'directory.search': searchDirectory,
  'directory.organisations': listOrganisations,
  'directory.getOrganisation': getOrganisation,
  'directory.getService': getService,
  'directory.saveOrganisation': saveOrganisation,
  'directory.saveService': saveService,
  'directory.feed': directoryFeed,
  'directory.import': importDirectory
})
