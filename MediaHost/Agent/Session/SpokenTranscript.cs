namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// What the agent said in one turn, sentence by sentence, with the frames of each handed to the call and the
/// frames the call dropped at a barge-in. From these it tells what the caller actually heard: whole sentences,
/// then the heard share of the sentence that was cut, in words. Written by the playback writer, read by the
/// input loop (barge-in) and the turn's end: all members lock.
/// </summary>
public sealed class SpokenTranscript
{
    private readonly object _gate = new();
    private readonly List<string> _sentences = [];
    private readonly List<int> _frames = [];
    private readonly List<string> _pending = [];
    private int _written;
    private int _dropped;

    /// <summary>A sentence the model wrote that waits for TTS (kept so a resume can say it if a barge-in comes first).</summary>
    public void Generated(string text)
    {
        lock (_gate)
        {
            _pending.Add(text);
        }
    }

    /// <summary>Adds a sentence about to be spoken; returns its index.</summary>
    public int AddSentence(string text)
    {
        lock (_gate)
        {
            if (_pending.Count > 0 && _pending[0] == text)
            {
                _pending.RemoveAt(0);
            }
            _sentences.Add(text);
            _frames.Add(0);
            return _sentences.Count - 1;
        }
    }

    public void FrameWritten(int sentence)
    {
        lock (_gate)
        {
            _frames[sentence]++;
            _written++;
        }
    }

    /// <summary>The call dropped <paramref name="frames"/> queued frames (barge-in): they were never heard.</summary>
    public void Dropped(int frames)
    {
        lock (_gate)
        {
            _dropped = Math.Min(_written, _dropped + frames);
        }
    }

    public int SentenceCount
    {
        get
        {
            lock (_gate)
            {
                return _sentences.Count;
            }
        }
    }

    public int FramesWritten
    {
        get
        {
            lock (_gate)
            {
                return _written;
            }
        }
    }

    public int PlayedFrames
    {
        get
        {
            lock (_gate)
            {
                return _written - _dropped;
            }
        }
    }

    /// <summary>The text the caller heard, from sentence <paramref name="fromSentence"/> on.</summary>
    public string PlayedText(int fromSentence = 0)
    {
        lock (_gate)
        {
            var heard = new List<string>();
            var remaining = _written - _dropped;
            for (var i = 0; i < _sentences.Count && remaining > 0; i++)
            {
                var frames = _frames[i];
                var take = Math.Min(frames, remaining);
                remaining -= take;
                if (i < fromSentence || take == 0)
                {
                    continue;
                }
                if (take == frames)
                {
                    heard.Add(_sentences[i]);
                }
                else
                {
                    var words = _sentences[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var count = words.Length * take / frames;
                    if (count > 0)
                    {
                        heard.Add(string.Join(' ', words.Take(count)));
                    }
                }
            }
            return string.Join(' ', heard);
        }
    }

    /// <summary>The sentences not heard in full: the one cut (whole), every one after it, and those still waiting for TTS.</summary>
    public IReadOnlyList<string> UnheardSentences()
    {
        lock (_gate)
        {
            var remaining = _written - _dropped;
            var result = new List<string>();
            for (var i = 0; i < _sentences.Count; i++)
            {
                var take = Math.Min(_frames[i], remaining);
                remaining -= take;
                if (take < _frames[i] || _frames[i] == 0)
                {
                    result.Add(_sentences[i]);
                }
            }
            result.AddRange(_pending);
            return result;
        }
    }
}
