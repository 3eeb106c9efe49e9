import type { draftsMethods } from '../../shared/contract/drafts'
import type { Handlers } from '../contract/dispatcher'
import { openDraftStore } from '../drafts/draft-store'
import type { Services } from '../services'

export function draftsHandlers(
  services: Pick<Services, 'dataDir'>
): Pick<Handlers, keyof typeof draftsMethods> {
  const store = openDraftStore(services.dataDir)
  return {
    'drafts.get': () => store.get(),
    'drafts.save': ({ draft }) => store.save(draft),
    'drafts.clear': async () => {
      await store.clear()
      return { cleared: true as const }
    }
  }
}
