// Before the screen locks or the user signs out (after which the core accepts no draft), every open
// form saves its draft, and each save already on its way is answered: the seconds typed since the
// last save are in the database before the lock screen shows.
const savers = new Set<() => Promise<void>>()
/** The latest draft save on its way for each key (each one runs after the one before it). */
const onTheirWay = new Map<string, Promise<void>>()

export function registerDraftSaver(save: () => Promise<void>): () => void {
  savers.add(save)
  return () => savers.delete(save)
}

/** Records a save of `key` on its way, so that flushing, or opening the form again, waits for it. */
export function trackDraftSave(key: string, save: Promise<void>): void {
  onTheirWay.set(key, save)
  void save.finally(() => {
    if (onTheirWay.get(key) === save) onTheirWay.delete(key)
  })
}

/** Resolves when every save of `key` already on its way has been answered. */
export const draftSettled = (key: string): Promise<void> => onTheirWay.get(key) ?? Promise.resolve()

export async function flushDrafts(): Promise<void> {
  const saves = [...[...savers].map((save) => save()), ...onTheirWay.values()]
  await Promise.all(saves.map((save) => save.catch(() => undefined)))
}
