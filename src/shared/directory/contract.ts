// The agency directory's channels (prefix directory.): see contract.ts. Reception, practitioners
// and managers read it; managers keep it, by hand or from the Open Referral UK feed IT sets.
import { z } from 'zod'
import { channel, type ChannelSpec } from '../channel'
import {
  directoryFeedOutput,
  directoryImportOutput,
  directorySearchInput,
  directorySearchOutput,
  getOrganisationInput,
  getOrganisationOutput,
  getServiceInput,
  getServiceOutput,
  listOrganisationsInput,
  listOrganisationsOutput,
  savedRecord,
  saveOrganisationInput,
  saveServiceInput
} from './schemas'

export const directoryChannels = {
  'directory.search': channel(directorySearchInput, directorySearchOutput, 'directory.read'),
  'directory.organisations': channel(listOrganisationsInput, listOrganisationsOutput, 'directory.read'),
  'directory.getOrganisation': channel(getOrganisationInput, getOrganisationOutput, 'directory.read'),
  'directory.getService': channel(getServiceInput, getServiceOutput, 'directory.read'),
  'directory.saveOrganisation': channel(saveOrganisationInput, savedRecord, 'directory.manage'),
  'directory.saveService': channel(saveServiceInput, savedRecord, 'directory.manage'),
  // Where the import reads from (the machine-wide config's directoryFeed), and the import itself:
  // the window never names a URL or a file, only IT does.
  'directory.feed': channel(z.object({}), directoryFeedOutput, 'directory.manage'),
  'directory.import': channel(z.object({}), directoryImportOutput, 'directory.manage')
} as const satisfies Record<string, ChannelSpec>
