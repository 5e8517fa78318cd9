import { z } from 'zod';
import { CASE_REF_PATTERN } from './rules';

/**
 * A case reference as it travels in card data and commands: trimmed, upper-cased and checked
 * against the pattern every stored reference has, so free text never reaches a store query.
 */
export const CaseRefSchema = z.string().trim().toUpperCase().regex(CASE_REF_PATTERN);

/** The placeholder in the help examples ("screeningssvar SAGSNUMMER"): a click on it gets the usage hint. */
export const isPlaceholder = (caseRef: string): boolean => caseRef === 'SAGSNUMMER' || caseRef === 'CASE-NUMBER';
