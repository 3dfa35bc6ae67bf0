// Incremental Server-Sent Events parser (WHATWG event-stream rules): text chunks in, complete events out.
// Chunks may split anywhere, even between the CR and LF of one line break; decoding bytes is the caller's job.

/** One dispatched event: `event` is '' when the stream named none. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Feed decoded text with `push`, then call `end` once; both return the events completed so far. */
export class SseParser {
  #line = '';
  #afterCr = false;
  #data: string[] = [];
  #event = '';

  push(text: string): SseEvent[] {
    const out: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ && this.#afterCr && i === start) {
        // The LF of a CRLF whose CR ended the previous chunk or line.
        this.#afterCr = false;
        start = i + 1;
        continue;
      }
      this.#afterCr = false;
      if (c === 10 || c === 13) {
        this.#line += text.slice(start, i);
        this.#takeLine(out);
        this.#afterCr = c === 13;
        start = i + 1;
      }
    }
    this.#line += text.slice(start);
    return out;
  }

  /** End of stream: a last line without a line break, and a last event without its blank line, still count. */
  end(): SseEvent[] {
    const out: SseEvent[] = [];
    if (this.#line !== '') this.#takeLine(out);
    this.#dispatch(out);
    return out;
  }

  #takeLine(out: SseEvent[]): void {
    const line = this.#line;
    this.#line = '';
    if (line === '') return this.#dispatch(out);
    if (line.startsWith(':')) return; // comment / keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
    // 'id' and 'retry' are irrelevant for one-shot completions.
  }

  #dispatch(out: SseEvent[]): void {
    if (this.#data.length > 0) out.push({ event: this.#event, data: this.#data.join('\n') });
    this.#data = [];
    this.#event = '';
  }
}
