/**
 * What the camera agent and the studio both need to trust each other without a certificate authority: certificate
 * fingerprints, PEM text, and a trust manager that accepts exactly one pinned certificate. JDK only, so that both
 * programs can load it.
 */
package studio.timelapse.shared.tls;
