/** The study this server runs; the full definition lives in @mini-edc/domain. */
export function studyInfo() {
  return {
    id: 'NCT07241559',
    name: 'Thoracolumbar fascia mobilization vs ultrasound-guided interfascial 5% dextrose injection in chronic low back pain',
  };
}
