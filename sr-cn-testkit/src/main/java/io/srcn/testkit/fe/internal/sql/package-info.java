/**
 * A hand-written tokenizer and recursive-descent parser for the statements the fake FE understands,
 * with StarRocks' syntax-error messages. Internal: not API.
 */
package io.srcn.testkit.fe.internal.sql;
