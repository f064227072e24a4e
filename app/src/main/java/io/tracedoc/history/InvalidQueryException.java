package io.tracedoc.history;

/**
 * A search text that is not valid Lucene query syntax.
 */
public class InvalidQueryException extends RuntimeException {

	/**
	 * @param query the text
	 * @param cause what the parser said
	 */
	public InvalidQueryException(String query, Exception cause) {
		super("the query '" + query + "' is not valid Lucene query syntax: " + firstLine(cause.getMessage()), cause);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
