/** Types of test/xml-check.mjs. */
export interface XmlCheck {
  ok: boolean;
  /** libxml2's messages, "line:col message", when not ok. */
  errors: string[];
}

/** The CDISC ODM 1.3.2 XSD (ODM_SCHEMA_DIR, or beside the repository); throws when there is none. */
export declare function odmSchemaPath(): string;
export declare function checkWellFormed(xml: string): XmlCheck;
export declare function validateAgainst(xsdPath: string, xml: string): XmlCheck;
export declare function validateOdm(xml: string): XmlCheck;
