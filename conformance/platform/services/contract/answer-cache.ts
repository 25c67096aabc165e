import type { Message, MessageField } from '../../../../catalog/schema/message.ts';

/**
 * Answers of one operation, by the request values they echo. An answer is a pure function of the
 * response tree, the samples and the request's values of the names the response also has (most
 * requests echo none, so an operation usually has one answer): it is built once and reused, as the
 * hand-written services cache their fixture answers. Bounded: cleared past `limit` entries.
 */
export class AnswerCache {
  private readonly names = new Set<string>();
  private readonly answers = new Map<string, string>();
  private readonly limit: number;

  constructor(output: Message | undefined, limit = 4096) {
    this.limit = limit;
    const walk = (fields: MessageField[]) => { for (const f of fields) { if (f.fields) walk(f.fields); else this.names.add(f.name); } };
    walk(output?.fields ?? []);
  }

  /** The cached answer for these request values, or the one `build` makes now. */
  answer(echo: Map<string, string[]>, build: () => string): string {
    const key = JSON.stringify([...echo].filter(([name]) => this.names.has(name)));
    let text = this.answers.get(key);
    if (text === undefined) {
      if (this.answers.size >= this.limit) this.answers.clear();
      text = build();
      this.answers.set(key, text);
    }
    return text;
  }
}
