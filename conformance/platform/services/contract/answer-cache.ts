import type { Message, MessageField } from '../../../../catalog/index.ts';
import type { Finding } from '../../service-handler.ts';

/** An answer element and what checking it against the response tree found (nothing, unless no valid value could be made). */
export interface CachedAnswer {
  xml: string;
  findings: Finding[];
}

/**
 * Answers of one operation, by the request values they echo. An answer is a pure function of the
 * response tree, the samples and the request's values of the names the response also has (most
 * requests echo none, so an operation usually has one answer): it is built and checked once and
 * reused, as the hand-written services cache their fixture answers. Bounded: cleared past `limit`.
 */
export class AnswerCache {
  private readonly names = new Set<string>();
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly check: (xml: string) => Finding[];
  private readonly limit: number;

  constructor(output: Message | undefined, check: (xml: string) => Finding[], limit = 4096) {
    this.check = check;
    this.limit = limit;
    const walk = (fields: MessageField[]) => {
      for (const f of fields) {
        if (f.fields) walk(f.fields);
        else this.names.add(f.name);
      }
    };
    walk(output?.fields ?? []);
  }

  /** The cached answer for these request values, or the one `build` makes now (checked once). */
  answer(echo: Map<string, string[]>, build: () => string): CachedAnswer {
    const key = JSON.stringify([...echo].filter(([name]) => this.names.has(name)));
    let cached = this.answers.get(key);
    if (cached === undefined) {
      if (this.answers.size >= this.limit) this.answers.clear();
      const xml = build();
      cached = { xml, findings: this.check(xml) };
      this.answers.set(key, cached);
    }
    return cached;
  }
}
