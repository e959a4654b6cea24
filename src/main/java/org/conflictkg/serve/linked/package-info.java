/**
 * The linked-data face of the server: dereferencing of resource IRIs by content negotiation
 * ({@link org.conflictkg.serve.linked.LinkedDataFilter}), their RDF descriptions with evidence, the
 * HTML pages built from them, VoID and the dump. Everything here reads the store; nothing writes.
 */
package org.conflictkg.serve.linked;
