/** The W3C Web Annotation context; it must come first in every @context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Claimscope's own terms, as compact IRIs `claimscope:status` etc. */
export const CLAIMSCOPE_VOCAB = 'urn:claimscope:vocab:';
export const JSONLD_CONTEXT = [ANNO_CONTEXT, { claimscope: CLAIMSCOPE_VOCAB }] as const;

export const documentIri = (sha256: string) => `urn:claimscope:document:${sha256}`;
export const annotationIri = (id: number) => `urn:claimscope:annotation:${id}`;
export const sourceIri = (id: number) => `urn:claimscope:source:${id}`;
export const flagIri = (id: number) => `urn:claimscope:flag:${id}`;
export const assessmentIri = (sha256: string) => `urn:claimscope:assessment:${sha256}`;
export const collectionIri = (sha256: string) => `urn:claimscope:collection:${sha256}`;

/** A case (issue 14), its claim groups (each an AnnotationCollection), their members, its ACH hypotheses. */
export const caseIri = (id: number) => `urn:claimscope:case:${id}`;
export const claimGroupIri = (id: number) => `urn:claimscope:claim-group:${id}`;
export const claimGroupMemberIri = (id: number) => `urn:claimscope:claim-group-member:${id}`;
export const hypothesisIri = (id: number) => `urn:claimscope:hypothesis:${id}`;

/** The tag (tagging body) of a flag annotation, beside `claim` and `attribution`. */
export const INCONSISTENCY_TAG = 'inconsistency';

/** The kind of the document-level annotation carrying the analyst's verdict and summary. */
export const ASSESSMENT_KIND = 'assessment';
