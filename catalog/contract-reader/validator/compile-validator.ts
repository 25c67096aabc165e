import type { ContractModel, QName, SchemaSet } from '../model.ts';
import { parseXml } from '../xml-file.ts';
import { SchemaCompiler } from './compiled-schema.ts';
import { walkElement, type Finding } from './walk.ts';

export type { Finding };

const SOAP11_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP12_ENV = 'http://www.w3.org/2003/05/soap-envelope';

export interface ValidateOptions {
  /** Validate the element as this global element instead of the one its own name selects. */
  as?: QName;
  /** Stop after this many findings (default 50): a broken message should not cost a full walk. */
  limit?: number;
}

export interface XmlValidator {
  /**
   * Validates a message element, or a whole SOAP 1.1/1.2 Envelope (then every Body child, and every
   * Header child a schema declares). Accepts a DOM Element (e.g. from @xmldom/xmldom) or XML text.
   * Returns an empty array when the XML is valid.
   */
  validate(input: Element | string, options?: ValidateOptions): Finding[];
  /** True when some schema in the contract declares the global element `{ns}local`. */
  declares(name: QName): boolean;
}

/**
 * Compiles a contract's schemas once into a validator for the XSD subset KOMBIT's contracts use
 * (sequence, choice, all, occurrence bounds, wildcards, simple types with pattern, enumeration,
 * length and range facets, the common built-ins, attributes). Compile at start-up, then call
 * `validate` per message: it walks the DOM with precompiled checks and builds no regexes.
 */
export function compileValidator(model: ContractModel | SchemaSet): XmlValidator {
  const set = 'schema' in model ? model.schema : model;
  const compiler = new SchemaCompiler(set);
  const validateElement = (el: Element, findings: Finding[], limit: number, as?: QName) => {
    const key = as ?? `{${el.namespaceURI ?? ''}}${el.localName}`;
    const decl = compiler.global(key);
    if (decl === undefined)
      findings.push({ path: `/${el.localName}`, message: `no schema of this contract declares the element ${key}` });
    else walkElement({ compiler, findings, limit }, el, decl, { parent: undefined, name: el.localName });
  };
  return {
    declares: (name) => compiler.global(name) !== undefined,
    validate(input, options = {}) {
      const limit = options.limit ?? 50;
      const findings: Finding[] = [];
      let root: Element;
      if (typeof input === 'string') {
        try {
          root = parseXml(input, 'the message');
        } catch (error) {
          return [{ path: '/', message: (error as Error).message }];
        }
      } else root = input;
      const ns = root.namespaceURI;
      if ((ns === SOAP11_ENV || ns === SOAP12_ENV) && root.localName === 'Envelope' && options.as === undefined) {
        for (let part = root.firstChild; part !== null; part = part.nextSibling) {
          if (part.nodeType !== 1) continue;
          const p = part as Element;
          for (let n = p.firstChild; n !== null; n = n.nextSibling) {
            if (n.nodeType !== 1) continue;
            const child = n as Element;
            // Header blocks such as wsse:Security belong to the transport, not to the contract.
            if (p.localName === 'Header' && !compiler.global(`{${child.namespaceURI ?? ''}}${child.localName}`))
              continue;
            const before = findings.length;
            validateElement(child, findings, limit);
            for (let i = before; i < findings.length; i++)
              findings[i]!.path = `/Envelope/${p.localName}${findings[i]!.path}`;
          }
        }
        return findings;
      }
      validateElement(root, findings, limit, options.as);
      return findings;
    },
  };
}
