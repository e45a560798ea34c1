namespace Edge.Torch;

/// <summary>Kinds of device the shim supports; the numbers match the shim's device codes.</summary>
public enum DeviceType
{
    Cpu = 0,
    Cuda = 1,
}
