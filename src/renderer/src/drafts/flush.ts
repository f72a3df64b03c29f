// Before the screen locks (after which the core accepts nothing until the password is typed),
// every open form saves its draft: the seconds typed since the last save are not lost.
const savers = new Set<() => Promise<void>>()

export function registerDraftSaver(save: () => Promise<void>): () => void {
  savers.add(save)
  return () => savers.delete(save)
}

export async function flushDrafts(): Promise<void> {
  await Promise.all([...savers].map((save) => save().catch(() => undefined)))
}
