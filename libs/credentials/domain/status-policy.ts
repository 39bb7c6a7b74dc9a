/**
 * What the bits of this service's status lists mean, as a page a relying party can read: the `statusReference` of
 * the Bitstring Status List entries the VC-API adds points here. It states the service's own rules only.
 */
const TEXT = {
  en: {
    title: 'Credential status at this service',
    intro: 'Each credential issued here can carry two status entries of one bit each, in status lists signed by the issuing school.',
    revocation: 'revocation: set when the school has withdrawn the credential. Revocation is final; a revoked credential is never reinstated.',
    suspension: 'suspension: set while the school has put the credential on hold. The school can lift a suspension.',
    neither: 'Neither bit set: the credential stands as issued.',
    lists: 'Status lists are published at the address in each entry (statusListCredential) and may be cached for up to 60 seconds.',
    verify: 'Check a credential, its status included',
  },
  nl: {
    title: 'Status van credentials bij deze dienst',
    intro: 'Elk credential dat hier is uitgegeven kan twee statusvermeldingen van één bit dragen, in statuslijsten die de uitgevende school ondertekent.',
    revocation: 'intrekking (revocation): gezet wanneer de school het credential heeft ingetrokken. Intrekking is definitief; een ingetrokken credential wordt nooit hersteld.',
    suspension: 'opschorting (suspension): gezet zolang de school het credential heeft opgeschort. De school kan een opschorting opheffen.',
    neither: 'Geen van beide bits gezet: het credential geldt zoals het is uitgegeven.',
    lists: 'Statuslijsten staan op het adres in elke vermelding (statusListCredential) en kunnen tot 60 seconden in een cache staan.',
    verify: 'Een credential controleren, met zijn status',
  },
  de: {
    title: 'Status von Nachweisen bei diesem Dienst',
    intro: 'Jeder hier ausgestellte Nachweis kann zwei Statuseinträge von je einem Bit tragen, in Statuslisten, die die ausstellende Schule signiert.',
    revocation: 'Widerruf (revocation): gesetzt, wenn die Schule den Nachweis widerrufen hat. Der Widerruf ist endgültig; ein widerrufener Nachweis wird nie wieder gültig.',
    suspension: 'Aussetzung (suspension): gesetzt, solange die Schule den Nachweis ausgesetzt hat. Die Schule kann die Aussetzung aufheben.',
    neither: 'Kein Bit gesetzt: Der Nachweis gilt wie ausgestellt.',
    lists: 'Statuslisten stehen unter der Adresse im jeweiligen Eintrag (statusListCredential) und können bis zu 60 Sekunden zwischengespeichert sein.',
    verify: 'Einen Nachweis prüfen, samt Status',
  },
} as const;

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const STATUS_POLICY_PATH = '/status-policy';

/** The page in English, Dutch and German, one section each; no script, no outside resource. */
export function statusPolicyPage(): string {
  const section = (lang: keyof typeof TEXT) => {
    const t = TEXT[lang];
    return `<section lang="${lang}"><h2>${escape(t.title)}</h2><p>${escape(t.intro)}</p><ul><li>${escape(t.revocation)}</li><li>${escape(t.suspension)}</li></ul><p>${escape(t.neither)}</p><p>${escape(t.lists)}</p><p><a href="/verify?lang=${lang}">${escape(t.verify)}</a></p></section>`;
  };
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(TEXT.en.title)}</title></head><body><main>${section('en')}${section('nl')}${section('de')}</main></body></html>`;
}
