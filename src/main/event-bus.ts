import { EventEmitter } from 'node:events'
import { eventSchemas, type EventMessage, type EventName, type EventPayload } from '../shared/contract'

/** Main-side fan-out of contract events to whichever transports are attached (Electron window, browser host). */
export class EventBus {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = eventSchemas[name].parse(payload) as EventPayload<E>
    const message: EventMessage<E> = { name, payload: parsed }
    this.emitter.emit('event', message)
  }

  subscribe(listener: (message: EventMessage) => void): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }
}
