import { z } from 'zod';

/**
 * `klarmeld.yaml`: how the conformance runner reaches a supplier's system and the platform.
 * Paths are relative to the profile file. Strings may use `${NAME}` for an environment
 * variable or for a port the runner picks (`${TRIGGER_PORT}`, `${CALLBACK_PORT}`).
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: "Write the system's id in lower-case letters, digits and hyphens, e.g. reference-system",
});

const cvr = z.string().regex(/^\d{8}$/, { message: 'Write the CVR as eight digits in quotes, e.g. "12345678"' });

const httpUrl = z
  .string()
  .regex(/^https?:\/\/\S+$/, { message: 'Write a full address starting with https:// or http://' });

const seconds = z.number().positive({ message: 'Write a number of seconds greater than 0' });

/** The system's own FOCES certificate; required for an external platform, issued by the embedded one otherwise. */
export const certificateSection = z.strictObject({
  cert: z.string().min(1).meta({ description: 'PEM certificate of the it-system' }),
  key: z.string().min(1).meta({ description: 'PEM private key of the certificate' }),
  ca: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'PEM CA certificate(s) that signed the platform server certificate' }),
});

export const platformSection = z.strictObject({
  url: httpUrl.optional().meta({
    description: 'Base URL of a running platform; leave out to start the embedded platform on a free port',
  }),
  municipality: z
    .string()
    .regex(/^\d{8}$/, { message: 'Write the CVR as eight digits in quotes, e.g. "11111111"' })
    .default('11111111')
    .meta({ description: 'CVR of the (test) municipality the agreements are with; Korsbæk Kommune by default' }),
  userSystemUuid: z
    .string()
    .regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/, {
      message: 'Write the it-system UUID in lower case',
    })
    .optional()
    .meta({ description: 'The it-system UUID on an external platform (the embedded one registers the system itself)' }),
});

/** How the runner starts the system (and stops it afterwards); leave out when the system already runs. */
export const startSection = z.strictObject({
  command: z.string().min(1).meta({ description: 'Shell command that starts the system' }),
  cwd: z.string().optional().meta({ description: 'Working directory, relative to the profile' }),
  ready: httpUrl.optional().meta({ description: 'URL that answers 2xx once the system is ready' }),
  timeout: seconds.default(30).meta({ description: 'Seconds to wait for the system to be ready' }),
});

/** The hook through which the runner asks the system to act: an HTTP URL or a command. */
export const triggerSection = z
  .strictObject({
    url: httpUrl.optional().meta({ description: 'POST { action, params } as JSON here; the answer is JSON' }),
    command: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Command that reads { action, params } on stdin and prints JSON' }),
    timeout: seconds.default(15),
  })
  .refine((trigger) => Boolean(trigger.url) !== Boolean(trigger.command), {
    message: 'Give the trigger either a url or a command, not both and not neither',
  });

export const callbacksSection = z.strictObject({
  beskedfordeler: httpUrl.optional().meta({
    description: 'HTTPS endpoint (mutual TLS) where the Beskedfordeler pushes messages (SF1461 BeskedFåTilsendt)',
  }),
});

/** One integration the system implements, and the operations of it that it calls or answers. */
export const implementedIntegration = z.strictObject({
  id: z
    .string()
    .regex(/^SF\d{4}(_[A-Z0-9]+)?$/, { message: 'Write the integration id as the catalogue does, e.g. SF1520' })
    .meta({ description: 'The integration (SF number), e.g. SF1520' }),
  operations: z.array(z.string().min(1)).default([]).meta({
    description: 'The operations the system uses, as the contract names them, e.g. PersonLookup; empty: not said',
  }),
});

/**
 * The supplier's own description of the system under test. KOMBIT's catalogue lists the systems
 * bought on SKI 02.19; a system need not be there to be tested: the profile then says what it is
 * and which integrations it implements, and those integrations' suites run.
 */
export const systemDescription = z.strictObject({
  id: slug.meta({
    description:
      "The system's id: the catalogue id when the catalogue lists it, otherwise one of your own (lower case, digits and hyphens)",
  }),
  name: z.string().trim().min(1).meta({ description: 'The name of the system as its users know it' }),
  supplier: cvr.meta({ description: "The supplier's CVR number" }),
  areas: z
    .array(z.string().regex(/^Y\d{2}$/, { message: 'Write the SKI 02.19 area as Y and two digits, e.g. Y65' }))
    .default([])
    .meta({ description: 'SKI 02.19 service areas (ydelsesområder), e.g. Y65' }),
  useCases: z.array(z.string().min(1)).default([]).meta({ description: 'SKI 02.19 use cases, e.g. Y65.I.1' }),
  integrations: z
    .array(implementedIntegration)
    .min(1, { message: 'Name at least one integration the system implements, e.g. - id: SF1520' })
    .meta({
      description:
        "The integrations the system implements; their suites run (with the ones they need, e.g. SF1514's tokens)",
    }),
});

export const profile = z
  .strictObject({
    $schema: z.string().optional(),
    system: z.union([slug, systemDescription]).meta({
      description:
        "The system under test: a catalogue system's id (systems.yaml), or the system described here (klarmeld init writes it)",
    }),
    target: z
      .enum(['embedded', 'external-test'])
      .default('embedded')
      .meta({ description: "embedded: klarmeld's platform; external-test: KOMBIT's external test environment" }),
    platform: platformSection.default({ municipality: '11111111' }),
    certificate: certificateSection.optional(),
    start: startSection.optional(),
    trigger: triggerSection.optional().meta({ description: 'Leave out only with --interactive' }),
    callbacks: callbacksSection.default({}),
  })
  .superRefine((value, context) => {
    if (value.target === 'external-test' && !value.certificate) {
      context.addIssue({
        code: 'custom',
        path: ['target'],
        message:
          "KOMBIT's external test environment needs the system's own FOCES certificate: add certificate.cert and certificate.key",
      });
    }
  });

export type Profile = z.infer<typeof profile>;
export type SystemDescription = z.infer<typeof systemDescription>;
