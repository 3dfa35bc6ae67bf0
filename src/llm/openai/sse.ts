// Incremental Server-Sent Events parsing (WHATWG event-stream rules) on eventsource-parser: text chunks in,
// complete events out. Chunks may split anywhere, even between the CR and LF of one line break; decoding bytes is
// the caller's job. One thing beyond the spec, kept for cut-off streams: end() dispatches a last event that lacks
// its blank line.
import { createParser, type EventSourceParser } from 'eventsource-parser';

/** One dispatched event: `event` is '' when the stream named none. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Feed decoded text with `push`, then call `end` once; both return the events completed so far. */
export class SseParser {
  #out: SseEvent[] = [];
  // Comments (keep-alives), 'id' and 'retry' are irrelevant for one-shot completions; unknown fields are ignored.
  readonly #parser: EventSourceParser = createParser({ onEvent: ({ event, data }) => void this.#out.push({ event: event ?? '', data }) });

  push(text: string): SseEvent[] {
    this.#parser.feed(text);
    return this.#take();
  }

  /** End of stream: a last line without a line break, and a last event without its blank line, still count. */
  end(): SseEvent[] {
    // Ends any open line, then a blank line dispatches what is pending (a CR that ended the text absorbs at most the first LF).
    this.#parser.feed('\n\n');
    return this.#take();
  }

  #take(): SseEvent[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }
}
