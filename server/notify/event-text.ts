/**
 * What an event says to a person, in Danish first and in English: the e-mail's subject and
 * body, and the `message` of a webhook's data. Written from the event's payload alone, so a
 * delivery retried after a restart says what the first attempt said.
 */
import type { NotifyEvent } from './notify-store.ts';

export interface EventText {
  subject: { da: string; en: string };
  body: { da: string; en: string };
}

interface Named {
  id: string;
  name: string;
}
const list = (names: string[]) => (names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} …`);

export function eventText(event: NotifyEvent): EventText {
  const p = event.payload as Record<string, any>;
  const system = p.system as Named;
  switch (event.type) {
    case 'status.changed': {
      const was = p.previous as { label: string; labelEn: string } | undefined;
      return {
        subject: {
          da: `${system.name}: ${p.integration} er nu ${p.label}`,
          en: `${system.name}: ${p.integration} is now ${p.labelEn}`,
        },
        body: {
          da: `Status for ${system.name} (${system.id}) × ${p.integration} er ændret fra ${was ? was.label : 'ingen status'} til ${p.label}${p.reason ? ` med begrundelsen »${p.reason}«` : ''}.${p.runId ? ` Bag den: kørsel ${p.runId}.` : ''}`,
          en: `The status of ${system.name} (${system.id}) × ${p.integration} changed from ${was ? was.labelEn : 'no status'} to ${p.labelEn}${p.reason ? ` with the reason "${p.reason}"` : ''}.${p.runId ? ` Behind it: run ${p.runId}.` : ''}`,
        },
      };
    }
    case 'agreement.waiting': {
      const names = (p.municipalities as { name: string }[]).map((m) => m.name);
      return {
        subject: {
          da: `Serviceaftale venter: ${system.name} × ${p.integration}`,
          en: `Service agreement waiting: ${system.name} × ${p.integration}`,
        },
        body: {
          da: `${system.name} (${system.id}) er ${p.label} til ${p.integration}. Serviceaftalen venter på godkendelse hos ${names.length} kommune(r): ${list(names)}. Kommunen godkender eller afviser den i klarmeld.`,
          en: `${system.name} (${system.id}) is ${p.labelEn} for ${p.integration}. The service agreement waits for ${names.length} municipalit${names.length === 1 ? 'y' : 'ies'} to approve it: ${list(names)}. The municipality approves or rejects it in klarmeld.`,
        },
      };
    }
    case 'status.stale': {
      const why =
        p.why === 'suite'
          ? {
              da: `klarmeld tester nu ${p.integration} med testsuite ${p.suite.now}, kørslen brugte ${p.suite.run}`,
              en: `klarmeld now tests ${p.integration} with suite ${p.suite.now}; the run used ${p.suite.run}`,
            }
          : {
              da: `kontraktversion ${p.contract.version} af ${p.integration} gælder fra ${p.contract.validFrom}, efter kørslen (${p.ranAt.slice(0, 10)})`,
              en: `contract version ${p.contract.version} of ${p.integration} applies from ${p.contract.validFrom}, after the run (${p.ranAt.slice(0, 10)})`,
            };
      return {
        subject: {
          da: `Forældet status: ${system.name} × ${p.integration}`,
          en: `Stale status: ${system.name} × ${p.integration}`,
        },
        body: {
          da: `Status ${p.label} for ${system.name} (${system.id}) × ${p.integration} bygger på en ældre version: ${why.da}. Kør testen igen for at klarmelde mod den gældende version.`,
          en: `The status ${p.labelEn} of ${system.name} (${system.id}) × ${p.integration} rests on an older version: ${why.en}. Run the tests again to declare readiness against the current one.`,
        },
      };
    }
    case 'certificate.expiring': {
      const date = String(p.certificate.notAfter).slice(0, 10);
      const days = Number(p.daysLeft);
      return {
        subject: {
          da: `Systemcertifikat udløber ${date}: ${system.name}`,
          en: `System certificate expires ${date}: ${system.name}`,
        },
        body: {
          da: `Testcertifikatet for ${system.name} (${system.id}, serienummer ${p.certificate.serial}) ${days < 0 ? `udløb ${date}` : `udløber ${date}, om ${days} dag(e)`}. Uden et gyldigt certifikat kan systemet ikke kalde platformen; bed KOMBIT om et nyt.`,
          en: `The test certificate of ${system.name} (${system.id}, serial ${p.certificate.serial}) ${days < 0 ? `expired on ${date}` : `expires on ${date}, in ${days} day(s)`}. Without a valid certificate the system cannot call the platform; ask KOMBIT for a new one.`,
        },
      };
    }
  }
}
