import { z } from 'zod';

/**
 * `klarmeld.yaml`: how the conformance runner reaches a supplier's system and the platform.
 * Paths are relative to the profile file. Strings may use `${NAME}` for an environment
 * variable or for a port the runner picks (`${TRIGGER_PORT}`, `${CALLBACK_PORT}`).
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'Write the catalogue id of the system, e.g. reference-system' });

const httpUrl = z
  .string()
  .regex(/^https?:\/\/\S+$/, { message: 'Write a full address starting with https:// or http://' });

const seconds = z.number().positive({ message: 'Write a number of seconds greater than 0' });

/** The system's own FOCES certificate; required for an external platform, issued by the embedded one otherwise. */
export const certificateSection = z.strictObject({
  cert: z.string().min(1).meta({ description: 'PEM certificate of the it-system' }),
  key: z.string().min(1).meta({ description: 'PEM private key of the certificate' }),
  ca: z.string().min(1).optional().meta({ description: 'PEM CA certificate(s) that signed the platform server certificate' }),
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
    .regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/, { message: 'Write the it-system UUID in lower case' })
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
    command: z.string().min(1).optional().meta({ description: 'Command that reads { action, params } on stdin and prints JSON' }),
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

export const profile = z.strictObject({
  $schema: z.string().optional(),
  system: slug.meta({ description: 'The system id in the catalogue (systems.yaml)' }),
  target: z
    .enum(['embedded', 'external-test'])
    .default('embedded')
    .meta({ description: "embedded: klarmeld's platform; external-test: KOMBIT's external test environment" }),
  platform: platformSection.default({ municipality: '11111111' }),
  certificate: certificateSection.optional(),
  start: startSection.optional(),
  trigger: triggerSection.optional().meta({ description: 'Leave out only with --interactive' }),
  callbacks: callbacksSection.default({}),
}).superRefine((value, context) => {
  if (value.target === 'external-test' && !value.certificate) {
    context.addIssue({
      code: 'custom',
      path: ['target'],
      message: "KOMBIT's external test environment needs the system's own FOCES certificate: add certificate.cert and certificate.key",
    });
  }
});

export type Profile = z.infer<typeof profile>;
