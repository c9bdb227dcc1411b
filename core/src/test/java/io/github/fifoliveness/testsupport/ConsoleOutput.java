package io.github.fifoliveness.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what is printed to {@code System.out} and {@code System.err} during each test,
 * from every thread, and still prints it: where the core's log lines go in its tests
 * (SLF4J's simple logger looks {@code System.err} up for every line). For the tests that
 * Spring's {@code OutputCaptureExtension} serves in the Spring module, which the core
 * cannot use.
 */
public final class ConsoleOutput implements BeforeEachCallback, AfterEachCallback {

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private PrintStream out = System.out;

	private PrintStream err = System.err;

	/**
	 * Return everything printed since the test started.
	 * @return the text, lines of standard output and error as they came
	 */
	public String text() {
		return this.captured.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.captured.reset();
		this.out = System.out;
		this.err = System.err;
		System.setOut(tee(this.out));
		System.setErr(tee(this.err));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		System.setOut(this.out);
		System.setErr(this.err);
	}

	private PrintStream tee(PrintStream original) {
		OutputStream both = new OutputStream() {

			@Override
			public void write(int b) {
				original.write(b);
				ConsoleOutput.this.captured.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
				original.write(bytes, offset, length);
				ConsoleOutput.this.captured.write(bytes, offset, length);
			}

			@Override
			public void flush() {
				original.flush();
			}

		};
		return new PrintStream(both, true, StandardCharsets.UTF_8);
	}

}
