/** The pool as an HTTP proxy on loopback: an embedded backend that degrades like real ones, the proxy handler, and a front endpoint; JDK parts only, no JavaFX. */
package dev.poolscope.http;
