namespace VoiceFunctions.MediaHost.Tests.Image;

/// <summary>The small Dockerfile reader the image tests rely on: continuations, comments, stage names.</summary>
public sealed class DockerfileParserTests
{
    [Fact]
    public void Continued_lines_join_into_one_instruction_and_comments_are_skipped()
    {
        var file = Dockerfile.Parse("""
            # a comment
            FROM base:1 AS first
            RUN apt-get install \
                  a b \
             && echo done
            from final:2
            expose 1/udp 2/tcp
            """);

        Assert.Equal(2, file.Stages.Count);
        Assert.Equal(("base:1", "first"), (file.Stages[0].BaseImage, file.Stages[0].Name));
        var run = Assert.Single(file.Stages[0].All("RUN"));
        Assert.Equal("apt-get install  a b  && echo done", run.Arguments);
        Assert.Equal(3, run.Line);
        Assert.Null(file.Final.Name);
        Assert.Equal("1/udp 2/tcp", Assert.Single(file.Final.All("EXPOSE")).Arguments);
    }

    [Fact]
    public void Instruction_before_the_first_FROM_is_rejected_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => Dockerfile.Parse("ARG V=1\nRUN echo\nFROM x"));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Platform_flag_is_not_taken_for_the_base_image()
    {
        var file = Dockerfile.Parse("FROM --platform=linux/amd64 img:3 AS b");
        Assert.Equal("img:3", file.Final.BaseImage);
        Assert.Equal("b", file.Final.Name);
    }
}
