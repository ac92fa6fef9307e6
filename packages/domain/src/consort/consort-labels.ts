/** Wording of the CONSORT 2010 flow diagram, in the study's two languages. */
export interface ConsortLabels {
  title: string;
  enrollment: string;
  allocation: string;
  followUp: string;
  analysis: string;
  assessed: string;
  excluded: string;
  notEligible: string;
  eligibleNotRandomized: string;
  eligibilityPending: string;
  screeningClosed: string;
  randomized: string;
  allocatedTo: string;
  allRandomized: string;
  blindedNote: string;
  followedUp: string;
  withdrawn: string;
  missing: string;
  notYetDue: string;
  analysed: string;
  excludedFromAnalysis: string;
}

export const consortLabels: Record<'en' | 'tr', ConsortLabels> = {
  en: {
    title: 'CONSORT flow diagram',
    enrollment: 'Enrollment',
    allocation: 'Allocation',
    followUp: 'Follow-up',
    analysis: 'Analysis',
    assessed: 'Assessed for eligibility',
    excluded: 'Excluded',
    notEligible: 'Not meeting eligibility criteria',
    eligibleNotRandomized: 'Eligible, not randomized (declined or pending)',
    eligibilityPending: 'Eligibility not yet decided',
    screeningClosed: 'Screening abandoned, closed',
    randomized: 'Randomized',
    allocatedTo: 'Allocated to',
    allRandomized: 'All randomized participants',
    blindedNote: 'Blinded view: no breakdown by arm',
    followedUp: 'followed up',
    withdrawn: 'withdrawn',
    missing: 'missing',
    notYetDue: 'not yet due',
    analysed: 'Analysed',
    excludedFromAnalysis: 'Excluded from analysis',
  },
  tr: {
    title: 'CONSORT akış şeması',
    enrollment: 'Kayıt',
    allocation: 'Atama',
    followUp: 'Takip',
    analysis: 'Analiz',
    assessed: 'Uygunluk açısından değerlendirilen',
    excluded: 'Dışlanan',
    notEligible: 'Uygunluk ölçütlerini karşılamayan',
    eligibleNotRandomized: 'Uygun, randomize edilmeyen (reddeden veya bekleyen)',
    eligibilityPending: 'Uygunluğu henüz belirlenmeyen',
    screeningClosed: 'Taraması yarım kalıp kapatılan',
    randomized: 'Randomize edilen',
    allocatedTo: 'Atanan grup:',
    allRandomized: 'Tüm randomize katılımcılar',
    blindedNote: 'Kör görünüm: gruplara göre dağılım yok',
    followedUp: 'takip edilen',
    withdrawn: 'ayrılan',
    missing: 'eksik',
    notYetDue: 'zamanı gelmeyen',
    analysed: 'Analiz edilen',
    excludedFromAnalysis: 'Analiz dışı bırakılan',
  },
};
