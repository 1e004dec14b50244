/** The studio's encoders, assembled in their order of preference. */
package studio.timelapse.desktop.render.encode.standard;
