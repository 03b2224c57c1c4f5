// The account's live events (/events): chats created, renamed, deleted on
// any device, and replies starting or ending anywhere.
import { LiveSocket } from './socket.js';

export class AccountEvents extends LiveSocket {
  constructor() {
    super('/events');
  }
}
