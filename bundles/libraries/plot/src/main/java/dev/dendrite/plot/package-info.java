/**
 * Plots for the commands: a {@link dev.dendrite.plot.Figure} draws itself on a
 * {@link dev.dendrite.plot.Canvas}, so one piece of drawing code gives SVG
 * ({@link dev.dendrite.plot.SvgCanvas}, written by hand, every plotted series a
 * {@code <g class="series" id="…">} with a {@code <title>}) and PNG
 * ({@link dev.dendrite.plot.PngCanvas}, java.awt off-screen, optional);
 * {@link dev.dendrite.plot.LineChart} plots x–y series on linear or log axes and
 * {@link dev.dendrite.plot.TextChart} draws curves and shaded maps with characters for the terminal.
 */
@Export
@Version("1.0.0")
package dev.dendrite.plot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
