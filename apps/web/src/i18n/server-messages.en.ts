import { type ServerMessageCode, serverMessages } from '@mini-edc/domain';

/**
 * The API's message codes in English: the sentences the API itself renders them with
 * (packages/domain/src/contracts/server-messages.ts; docs/errors.md, "Message codes"), written once
 * for both. They are worded for the person at the screen: no field codes, no formulas. A test
 * checks that every code has its text here and in Turkish.
 */
export const serverMessagesEn: Record<ServerMessageCode, string> = serverMessages;
