namespace Edge.Trainer.Commands;

/// <summary>Something the user asked for cannot be done as asked; the message says what and how to fix it.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException(string message) : base(message)
    {
    }

    public UserInputException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public UserInputException()
    {
    }
}
