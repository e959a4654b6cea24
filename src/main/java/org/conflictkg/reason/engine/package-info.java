/**
 * The machinery of materialized inference: a semi-naive forward chainer ({@link
 * org.conflictkg.reason.engine.ForwardChainer}) that runs Jena rules over {@link
 * org.conflictkg.reason.engine.Facts}, from scratch or from a delta, and reports every rule
 * application as a {@link org.conflictkg.reason.engine.Derivation}. What to run it over, and where
 * its conclusions go, is {@link org.conflictkg.reason.Materializer}'s business.
 */
package org.conflictkg.reason.engine;
