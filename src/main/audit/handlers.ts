import { defineHandlers } from '../core/router'
import { verifyAuditTrail } from './verify'
import { listAudit } from './list'

export const auditHandlers = defineHandlers({
  'audit.verify': (_input, { core }) => verifyAuditTrail(core.db),
  'audit.list': listAudit
})
